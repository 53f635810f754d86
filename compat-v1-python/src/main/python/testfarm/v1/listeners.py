"""v1 result listeners.

A listener written in Python subclasses NullResultListener and overrides any of
its listen_* methods; the Runner calls them as the Java engine goes. The other
listeners here are backed by TestFarm 2's Java listeners.
"""
__all__ = ['NullResultListener', 'MultiListener', 'ConsoleResultListener', 'DummyResultListener',
	'ServerListener', 'LocalLogListener']


class NullResultListener(object):
	"""Hears everything, does nothing: the base of listeners written in Python."""

	def listen_task_info(self, task):
		pass

	def listen_begin_task(self, taskname, snapshot=""):
		pass

	def listen_begin_subtask(self, subtaskname):
		pass

	def listen_begin_command(self, cmd):
		pass

	def listen_end_command(self, cmd, ok, output, info, stats):
		pass

	def listen_end_subtask(self, subtaskname):
		pass

	def listen_end_task(self, taskname, ok):
		pass

	def listen_found_new_commits(self, new_commits_found, seconds_idle):
		pass

	def listen_end_task_gently(self, taskname):
		pass

	# ---- how the Runner reaches it ----

	def _farm_listener(self, task):
		"""The Java listener the runner tells about the executions of task."""
		from org.testfarm.jython.bridge import V1ListenerBridge
		return V1ListenerBridge(self, _text(task.name))

	def _found_new_commits(self, found, seconds_idle):
		self.listen_found_new_commits(found, seconds_idle)

	def _close(self):
		pass


class MultiListener(NullResultListener):
	"""Several listeners heard as one."""

	def __init__(self, *listeners):
		if len(listeners) == 1 and isinstance(listeners[0], (list, tuple)):
			listeners = listeners[0]
		self.listeners = list(listeners)

	def append_listener(self, listener):
		self.listeners.append(listener)

	def _each(name):
		def forward(self, *args):
			for listener in self.listeners:
				getattr(listener, name)(*args)
		forward.__name__ = name
		return forward

	listen_task_info = _each('listen_task_info')
	listen_begin_task = _each('listen_begin_task')
	listen_begin_subtask = _each('listen_begin_subtask')
	listen_begin_command = _each('listen_begin_command')
	listen_end_command = _each('listen_end_command')
	listen_end_subtask = _each('listen_end_subtask')
	listen_end_task = _each('listen_end_task')
	listen_found_new_commits = _each('listen_found_new_commits')
	listen_end_task_gently = _each('listen_end_task_gently')
	del _each

	def _farm_listener(self, task):
		from java.util import ArrayList
		from org.testfarm.jython.bridge import Fanout
		each = ArrayList()
		for listener in self.listeners:
			each.add(listener._farm_listener(task))
		return Fanout(each)

	def _found_new_commits(self, found, seconds_idle):
		for listener in self.listeners:
			listener._found_new_commits(found, seconds_idle)

	def _close(self):
		for listener in self.listeners:
			listener._close()


class DummyResultListener(NullResultListener):
	"""Remembers what it heard as lines of text; log() gives them. Tests of scripts use it."""

	def __init__(self):
		self.results = []

	def listen_begin_task(self, taskname, snapshot=""):
		self.results.append('BEGIN_TASK %s' % taskname)

	def listen_begin_subtask(self, subtaskname):
		self.results.append('BEGIN_SUBTASK %s' % subtaskname)

	def listen_end_command(self, cmd, ok, output, info, stats):
		self.results.append(str((cmd, ok and 'ok' or 'failure', output, info, stats)))

	def listen_end_subtask(self, subtaskname):
		self.results.append('END_SUBTASK %s' % subtaskname)

	def listen_end_task(self, taskname, ok):
		self.results.append('END_TASK %s' % taskname)

	def listen_end_task_gently(self, taskname):
		self.results.append('END_TASK_GENTLY %s' % taskname)

	def log(self):
		return '\n'.join(self.results)


class JavaListener(NullResultListener):
	"""A v1 listener whose work a Java FarmListener does (console, server, local log tree).

	The Runner hands the Java listener to the engine. A script that calls the
	listen_* methods itself gets them translated into the same events, numbered
	as the engine numbers them.
	"""

	def __init__(self, farm_listener):
		self._java = farm_listener
		self._calls = _V1Calls()

	def _farm_listener(self, task):
		return self._java

	def _found_new_commits(self, found, seconds_idle):
		pass  # the Java listener hears the check as clientIdle

	def _close(self):
		from java.io import Closeable
		if isinstance(self._java, Closeable):
			self._java.close()

	def listen_task_info(self, task):
		self._calls.task_info(task)

	def listen_found_new_commits(self, new_commits_found, seconds_idle):
		self._farm_listener_for_calls().clientIdle(self._calls.client(), seconds_idle / 60.0)

	def listen_begin_task(self, taskname, snapshot=""):
		from org.testfarm.jython.bridge import Snapshots
		self._farm_listener_for_calls().executionStarted(self._calls.begin_task(), Snapshots.info(list(snapshot or [])))

	def listen_begin_subtask(self, subtaskname):
		self._farm_listener_for_calls().taskStarted(self._calls.ref, self._calls.begin_subtask(), _text(subtaskname))

	def listen_begin_command(self, cmd):
		self._farm_listener_for_calls().commandStarted(self._calls.ref, self._calls.subtask, self._calls.begin_command(), _text(cmd))

	def listen_end_command(self, cmd, ok, output, info, stats):
		from org.testfarm.jython.bridge import PyValues
		self._calls.subtask_ok = self._calls.subtask_ok and bool(ok)
		self._farm_listener_for_calls().commandEnded(self._calls.ref, self._calls.subtask, self._calls.command,
			_text(output or ''), bool(ok), info and _text(info) or None, PyValues.stats(stats))

	def listen_end_subtask(self, subtaskname):
		self._farm_listener_for_calls().taskEnded(self._calls.ref, self._calls.subtask, self._calls.subtask_ok)

	def listen_end_task(self, taskname, ok):
		self._farm_listener_for_calls().executionEnded(self._calls.ref, bool(ok))

	def listen_end_task_gently(self, taskname):
		self._farm_listener_for_calls().executionEnded(self._calls.ref, None)

	def _farm_listener_for_calls(self):
		return self._farm_listener(self._calls.task)


class _V1Calls(object):
	"""Numbering for listen_* calls made by hand: tasks and commands from 1."""

	def __init__(self):
		self.task = None
		self.ref = None
		self.subtask = 0
		self.command = 0
		self.subtask_ok = True

	def task_info(self, task):
		self.task = task

	def client(self):
		from org.testfarm.event import ClientRef
		if self.task is None:
			return ClientRef('-', '-')
		return ClientRef(_text(self.task.project.name), _text(self.task.client.name))

	def begin_task(self):
		import time
		self.ref = self.client().execution(time.strftime('%Y%m%d-%H%M%S'))
		self.subtask = 0
		return self.ref

	def begin_subtask(self):
		self.subtask += 1
		self.command = 0
		self.subtask_ok = True
		return self.subtask

	def begin_command(self):
		self.command += 1
		return self.command


class ConsoleResultListener(JavaListener):
	"""Coloured progress on the standard output."""

	def __init__(self, verbose=False):
		from org.testfarm.console import ConsoleListener
		from org.testfarm.jython.bridge import PythonStdout
		JavaListener.__init__(self, ConsoleListener(PythonStdout.current()))
		self.verbose = verbose


class ServerListener(JavaListener):
	"""Reports to a TestFarm server over HTTP (the wire protocol); what cannot be sent
	now waits in the client's spool and is sent later, in order."""

	def __init__(self, server_url):
		JavaListener.__init__(self, None)
		self.server_url = server_url

	def _farm_listener(self, task):
		if self._java is None:
			from org.testfarm.event import ClientRef
			from org.testfarm.jython.bridge import RemoteListeners
			client = ClientRef(_text(task.project.name), _text(task.client.name))
			self._java = RemoteListeners.open(_text(self.server_url), client)
		return self._java

	def _close(self):
		if self._java is not None:
			JavaListener._close(self)


class LocalLogListener(JavaListener):
	"""Writes a log tree with the server's layout in a local folder."""

	def __init__(self, base_dir):
		from java.io import File
		from org.testfarm.store import LogStore, StoreOptions
		JavaListener.__init__(self, LogStore.open(File(_text(base_dir)).toPath(), StoreOptions.defaults().withAutoRegister(True)))
		self.base_dir = base_dir


def _text(value):
	from org.testfarm.jython.bridge import PyValues
	return PyValues.text(value if isinstance(value, (str, unicode)) else str(value))
