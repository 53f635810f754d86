/**
 * The Java client API: define a TestFarm client in a few fluent lines
 * ({@link org.testfarm.client.FarmClient}), with command templates filled from a
 * {@link org.testfarm.client.ClientConfig} (a map, or a .properties, YAML or TOML
 * file), and run it from your own {@code main} through
 * {@link org.testfarm.client.ClientCommandLine}. See docs/java-client.md.
 */
package org.testfarm.client;
