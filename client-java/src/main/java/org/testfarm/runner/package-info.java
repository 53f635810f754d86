/**
 * The runner: what turns a client's definition into executions, cycle after
 * cycle. {@link org.testfarm.runner.Runner} checks for new commits (sandboxes,
 * an optional checking command), tells its listeners the client is idle, and
 * runs an execution (an Update Sandbox task first when there are sandboxes, then
 * the plan's tasks through the engine). Its {@link org.testfarm.runner.StateDirectory}
 * holds the pause marker, the single-instance lock and the remote logger's spool.
 *
 * <p>Everything here is a plain object with fluent setters and functional
 * interfaces ({@link org.testfarm.runner.Sleeper}, {@link org.testfarm.runner.CheckObserver}),
 * so other front ends (the v1 Jython shim, the Java client API) drive it alike.
 */
package org.testfarm.runner;
