"""What GitSandbox and SvnSandbox share: a v1 sandbox over a TestFarm 2 Java sandbox."""

__all__ = ['SandboxError']


class SandboxError(RuntimeError):
	"""A sandbox could not do its work; the message names it and says why."""


class JavaSandbox(object):
	provider = None  # 'git' or 'svn'

	def __init__(self, path, verbose=False):
		self.path = path
		self.verbose = verbose
		self._java = _call(self._open, path)

	def _open(self, path):
		from java.io import File
		from org.testfarm.vcs import SandboxRegistry, SandboxOptions
		return SandboxRegistry.installed().open(self.provider, File(_text(path)).toPath(), SandboxOptions.NONE)

	def location(self):
		return self.path

	def state(self):
		return _str(_call(self._java.state))

	def remoteState(self):
		return _str(_call(self._java.remoteState))

	def pendingUpdates(self):
		return [_str(revision) for revision in _call(self._java.pendingUpdates)]

	def guilty(self):
		return [(_str(change.revision()), _str(change.author()), _str(change.message()))
			for change in _call(self._java.changeLog)]

	def hasPendingChanges(self):
		return bool(_call(self._java.hasPendingChanges))

	def update(self):
		result = _call(self._java.update)
		if self.verbose and result.hasConflicts():
			print "conflicts in %s: %s" % (self.path, ', '.join(_str(path) for path in result.conflicts()))
		if result.note() is not None:
			# where local edits the update could not put back are kept: said even when not verbose
			print "%s: %s" % (self.path, _str(result.note()))
		return result

	def __repr__(self):
		return '%s(%r)' % (type(self).__name__, self.path)


def _call(method, *args):
	from java.lang import RuntimeException
	try:
		return method(*args)
	except RuntimeException, error:
		raise SandboxError(_str(error.getMessage() or error.toString()))


def _str(text):
	from org.testfarm.jython.bridge import PyValues
	return PyValues.str(text)


def _text(value):
	from org.testfarm.jython.bridge import PyValues
	return PyValues.text(value if isinstance(value, (str, unicode)) else str(value))
