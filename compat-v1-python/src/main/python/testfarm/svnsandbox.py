"""SvnSandbox: a Subversion working copy a v1 client watches (SVNKit underneath).

An update postpones conflicts: the working copy keeps both sides.
"""
from testfarm.sandbox import JavaSandbox, SandboxError

__all__ = ['SvnSandbox', 'SandboxError']


class SvnSandbox(JavaSandbox):
	provider = 'svn'
