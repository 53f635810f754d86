"""v1 Runner: a v1 Task run by TestFarm 2's Java runner.

Runner(task, ...) does its work when constructed, as v1 scripts expect: it
checks for new commits, runs the task when there are some (or always, the first
time, with first_run_always), and with continuous=True goes on until Ctrl-C.
"""
import os
import sys

from testfarm.v1.listeners import ConsoleResultListener, ServerListener, LocalLogListener, NullResultListener

__all__ = ['Runner']

MINIMUM_CONTINUOUS_IDLE = 60


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
		self._run()

	def _run(self):
		from org.testfarm.jython.bridge import Interruption
		from org.testfarm.runner import FirstRun
		task = self.task
		interruption = Interruption.catchCtrlC()
		try:
			for listener in self.listeners:
				listener.listen_task_info(task)
			runner = self._java_runner()
			interruption.whileRunning(runner.stop)
			first = self.first_run_always and FirstRun.ALWAYS or FirstRun.ONLY_WITH_NEW_COMMITS
			if self.continuous:
				runner.runContinuously(first)
			else:
				runner.runOnce(first)
		finally:
			interruption.close()
			for listener in self.listeners:
				listener._close()
		if interruption.happened():
			raise KeyboardInterrupt()

	def _java_runner(self):
		from java.time import Duration
		from org.testfarm.event import ClientRef
		from org.testfarm.runner import Runner as JavaRunner
		from org.testfarm.jython.bridge import FoundNewCommits, PythonEnvironment
		task = self.task
		runner = JavaRunner(ClientRef(_text(task.project.name), _text(task.client.name)))
		runner.plan(task._plan())
		for sandbox in task.sandboxes:
			runner.sandbox(_java_sandbox(sandbox))
		if task.checking_cmd:
			runner.checkingCommand(_text(task.checking_cmd))
		runner.idlePeriod(Duration.ofSeconds(_idle_seconds(task.seconds_idle, self.continuous)))
		runner.environment(PythonEnvironment(os.environ, os.getcwd))
		runner.checkObserver(FoundNewCommits(self._found_new_commits))
		runner.listener(_ChangesKeeper(task)._farm_listener(task))
		for listener in self.listeners:
			runner.listener(listener._farm_listener(task))
		runner.shutdownHook(True)
		return runner

	def _found_new_commits(self, found, seconds_idle):
		for listener in self.listeners:
			listener._found_new_commits(found, seconds_idle)


class _ChangesKeeper(NullResultListener):
	"""Keeps each execution's snapshot in task.changes, where v1 scripts read it."""

	def __init__(self, task):
		self.task = task

	def listen_begin_task(self, taskname, snapshot=""):
		self.task.changes = list(snapshot)


def _listeners(local_base_dir, remote_server_url, verbose, testinglisteners, extra_listeners, config):
	if testinglisteners:
		chosen = list(testinglisteners)
	else:
		chosen = [ConsoleResultListener(verbose)]
		if remote_server_url:
			chosen.append(ServerListener(remote_server_url))
		if local_base_dir:
			chosen.append(LocalLogListener(local_base_dir))
		chosen.extend(_report_listeners(config))
	return chosen + list(extra_listeners)


def _report_listeners(config):
	"""Mail and IRC reporters from config['mail_report'] / ['irc_report'] (a dict, or a class
	of settings as in v1 settings files), linking to config['testfarm_page']."""
	if not config or not (config.get('mail_report') or config.get('irc_report')):
		return []
	settings = {}
	for key in ('mail_report', 'irc_report'):
		report = config.get(key)
		if report:
			if not isinstance(report, dict):
				report = dict((name, value) for name, value in vars(report).items() if not name.startswith('_'))
			settings[key] = report
	if config.get('testfarm_page'):
		settings['testfarm_page'] = config['testfarm_page']
	from org.testfarm.notify import V1Reports
	from testfarm.v1.listeners import JavaListener
	return [JavaListener(listener) for listener in V1Reports.listeners(settings)]


def _idle_seconds(seconds_idle, continuous):
	"""The idle period; a continuous run waits at least a minute between checks rather than spin."""
	seconds = int(seconds_idle or 0)
	if continuous and seconds < MINIMUM_CONTINUOUS_IDLE:
		return MINIMUM_CONTINUOUS_IDLE
	return seconds


def _java_sandbox(sandbox):
	"""The Java sandbox behind a GitSandbox or SvnSandbox; a script's own sandbox class, adapted."""
	java = getattr(sandbox, '_java', None)
	if java is not None:
		return java
	from org.testfarm.jython.bridge import PythonSandbox
	return PythonSandbox(sandbox)


def _text(value):
	from org.testfarm.jython.bridge import PyValues
	return PyValues.text(value if isinstance(value, (str, unicode)) else str(value))
