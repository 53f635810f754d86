"""GitSandbox: a Git working copy a v1 client watches (JGit underneath; no git program needed).

An update keeps local edits: they are stashed, upstream is pulled, and they are put back.
"""
from testfarm.sandbox import JavaSandbox, SandboxError

__all__ = ['GitSandbox', 'SandboxError']


class GitSandbox(JavaSandbox):
	provider = 'git'
