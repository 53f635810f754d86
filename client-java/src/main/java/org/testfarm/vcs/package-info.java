/**
 * Sandboxes: the working copies a client watches and updates before it builds.
 *
 * <p>{@link org.testfarm.vcs.Sandbox} is what a client asks (is there anything
 * new upstream, who did it, bring me up to date); a
 * {@link org.testfarm.vcs.SandboxProvider} opens sandboxes of one kind of version
 * control and is found by name in the {@link org.testfarm.vcs.SandboxRegistry}.
 * TestFarm ships {@code git} (JGit) and {@code svn} (SVNKit); neither needs the
 * command-line tools.
 *
 * <pre>{@code
 * SandboxOptions options = SandboxOptions.fromMap(Map.of("svn.user", "dev", "svn.password", "secret"));
 * Sandbox sandbox = SandboxRegistry.installed().open(Path.of("/home/v/src/project"), options);
 * if (sandbox.hasPendingChanges()) {
 *     for (Change change : sandbox.changeLog()) { ... }
 *     UpdateResult result = sandbox.update();   // conflicts are in result.conflicts()
 * }
 * }</pre>
 *
 * <p>A plug-in for another kind implements {@code SandboxProvider} with a public
 * no-argument constructor and lists its class in
 * {@code META-INF/services/org.testfarm.vcs.SandboxProvider}; a name already taken
 * is refused with a {@link org.testfarm.vcs.DuplicateProviderException}. Every
 * failure of a sandbox is a {@link org.testfarm.vcs.SandboxException} naming it.
 */
package org.testfarm.vcs;
