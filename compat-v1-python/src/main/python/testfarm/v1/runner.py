"""v1 Runner: checks for new commits, runs the task on the Java engine, tells the listeners.

Runner(task, ...) does its work when constructed, as v1 scripts expect.
"""
import os
import sys
import time

from testfarm.v1.listeners import ConsoleResultListener, ServerListener, LocalLogListener

__all__ = ['Runner']

UPDATE_SANDBOX = 'Update Sandbox'
_REPORTS = {'mail_report': 'mail', 'irc_report': 'IRC'}


class Runner(object):

	def __init__(self, task, continuous=False, first_run_always=True, local_base_dir=None,
			remote_server_url=None, verbose=False, testinglisteners=[], extra_listeners=[], config={}):
		self.task = task
		self.continuous = continuous
		self.first_run_always = first_run_always
		self.verbose = verbose
		self.config = config
		self.listeners = _listeners(local_base_dir, remote_server_url, verbose, testinglisteners,
			extra_listeners, config)
		self._last_execution = None
		self._run()

	def _run(self):
		from org.testfarm.jython.bridge import Interruption
		self._interruption = Interruption.catchCtrlC()
		try:
			for listener in self.listeners:
				listener.listen_task_info(self.task)
			found = self._check()
			if found or self.first_run_always:
				self._execute()
			while self.continuous:
				if self._check():
					self._execute()
				else:
					self._idle()
		finally:
			self._interruption.close()
			for listener in self.listeners:
				listener._close()

	def _check(self):
		found = self.task._check_for_new_commits()
		self._stop_if_interrupted()
		for listener in self.listeners:
			listener._found_new_commits(self.task, found, self.task.seconds_idle)
		return found

	def _idle(self):
		end = time.time() + max(self.task.seconds_idle, 1)
		while time.time() < end:
			self._stop_if_interrupted()
			try:
				time.sleep(min(1.0, max(0.0, end - time.time())))
			except KeyboardInterrupt:
				self._stop_if_interrupted()
				raise

	def _execute(self):
		from org.testfarm.event import ExecutionRef
		from org.testfarm.engine import ExecutionRunner
		from org.testfarm.jython.bridge import ContinuedExecution, Fanout, PythonEnvironment, Snapshots
		from java.util import ArrayList, HashMap
		task = self.task
		changes = [(sandbox, sandbox.guilty()) for sandbox in task.sandboxes]
		snapshot = []
		for sandbox, guilty in changes:
			for revision, author, message in guilty:
				snapshot.append((_label(sandbox), author, revision))
		task.changes = snapshot
		each = ArrayList()
		for listener in self.listeners:
			each.add(listener._farm_listener(task, snapshot))
		farm = Fanout(each)
		ref = ExecutionRef(_text(task.project.name), _text(task.client.name), self._execution_id())
		farm.executionStarted(ref, Snapshots.info(snapshot))
		tasks_before, ok_before = 0, True
		if task.sandboxes:
			tasks_before, ok_before = 1, _update_sandboxes(farm, ref, changes)
		if not ok_before:
			farm.executionEnded(ref, False)
			return
		runner = ExecutionRunner(ContinuedExecution(farm, tasks_before, ok_before))
		runner.environment(PythonEnvironment(os.environ, os.getcwd))
		self._interruption.whileRunning(runner.cancel)
		try:
			runner.run(ref, task._plan(), HashMap())
		finally:
			self._interruption.whileRunning(None)
		self._stop_if_interrupted()

	def _stop_if_interrupted(self):
		if self._interruption.happened():
			self._interruption.clearInterruptStatus()
			raise KeyboardInterrupt()

	def _execution_id(self):
		"""A local timestamp YYYYmmdd-HHMMSS, never the same as the previous one."""
		while True:
			now = time.strftime('%Y%m%d-%H%M%S')
			if now != self._last_execution:
				self._last_execution = now
				return now
			time.sleep(0.05)


def _update_sandboxes(farm, ref, changes):
	"""The Update Sandbox task (task 1): per sandbox its change log, then the update."""
	farm.taskStarted(ref, 1, UPDATE_SANDBOX)
	number = 0
	for sandbox, guilty in changes:
		location = sandbox.location()
		log = ''.join(':: %s - %s\n%s\n\n' % (revision, author, message) for revision, author, message in guilty)
		number += 1
		farm.commandStarted(ref, 1, number, _text('Change log for %s' % location))
		farm.commandEnded(ref, 1, number, '', True, _text(log), _no_stats())
		number += 1
		try:
			line = 'Updating %s, %s -> %s' % (location, sandbox.state(), sandbox.remoteState())
		except Exception, error:
			line = 'Updating %s' % location
			farm.commandStarted(ref, 1, number, _text(line))
			return _failed(farm, ref, number, error)
		farm.commandStarted(ref, 1, number, _text(line))
		try:
			sandbox.update()
		except Exception, error:
			return _failed(farm, ref, number, error)
		farm.commandEnded(ref, 1, number, '', True, None, _no_stats())
	farm.taskEnded(ref, 1, True)
	return True


def _failed(farm, ref, number, error):
	farm.commandEnded(ref, 1, number, _text('%s\n' % (error,)), False, None, _no_stats())
	farm.taskEnded(ref, 1, False)
	return False


def _listeners(local_base_dir, remote_server_url, verbose, testinglisteners, extra_listeners, config):
	if testinglisteners:
		chosen = list(testinglisteners)
	else:
		chosen = [ConsoleResultListener(verbose)]
		if remote_server_url:
			chosen.append(ServerListener(remote_server_url))
		if local_base_dir:
			chosen.append(LocalLogListener(local_base_dir))
		for key in ('mail_report', 'irc_report'):
			if config and config.get(key):
				sys.stderr.write("testfarm-v1: config['%s'] is accepted, but TestFarm 2 does not send %s reports"
					" yet (see docs/v1-compatibility.md)\n" % (key, _REPORTS[key]))
	return chosen + list(extra_listeners)


def _no_stats():
	from java.util import HashMap
	return HashMap()


def _label(sandbox):
	"""How a snapshot names a sandbox: the last part of its location."""
	location = str(sandbox.location()).rstrip('/\\')
	return os.path.basename(location) or location


def _text(value):
	from org.testfarm.jython.bridge import PyValues
	return PyValues.text(value if isinstance(value, (str, unicode)) else str(value))
