"""v1 Task: what a client runs (an execution, in TestFarm 2 words) and when.

A task has subtasks (TestFarm 2 tasks), each a list of commands: a shell string,
or a dict with the keys CMD, INFO, STATS, CD and STATUS_OK.
"""
import os
import warnings

__all__ = ['Task', 'CMD', 'INFO', 'STATS', 'CD', 'STATUS_OK']

CMD, INFO, STATS, CD, STATUS_OK = 1, 2, 3, 4, 5



class Subtask(tuple):
	"""(name, commands, mandatory), also readable by attribute."""
	__slots__ = ()

	def __new__(cls, name, commands, mandatory):
		return tuple.__new__(cls, (name, commands, mandatory))

	name = property(lambda self: self[0])
	commands = property(lambda self: self[1])
	mandatory = property(lambda self: self[2])


class Task(object):

	def __init__(self, project, client, task_name='-- unnamed task --'):
		self.project = project
		self.client = client
		self.name = task_name
		self.subtasks = []
		self.seconds_idle = 0
		self.sandboxes = []
		self.changes = []
		self.checking_cmd = None

	def get_name(self):
		return self.name

	def get_num_subtasks(self):
		return len(self.subtasks)

	def add_subtask(self, name, commands, mandatory=False):
		if isinstance(commands, (str, unicode, dict)):
			raise TypeError("subtask %r: commands must be a list, not a single %s" % (name, type(commands).__name__))
		commands = list(commands)
		for command in commands:
			if not isinstance(command, (str, unicode, dict)):
				raise TypeError("subtask %r: a command is a shell string or a dict of CMD, INFO, STATS, CD, STATUS_OK; got %r" % (name, command))
		self.subtasks.append(Subtask(name, commands, mandatory))

	def add_deployment(self, commands):
		self.add_subtask('Deployment', commands, mandatory=True)

	def set_check_for_new_commits(self, checking_cmd, minutes_idle=5):
		self.checking_cmd = checking_cmd
		self.seconds_idle = minutes_idle * 60

	def add_sandbox(self, sandbox):
		self.sandboxes.append(sandbox)

	def set_repositories_to_keep_state_of(self, repositories):
		warnings.warn("set_repositories_to_keep_state_of is deprecated: use add_sandbox(SvnSandbox(path))",
			DeprecationWarning, stacklevel=2)
		from testfarm.svnsandbox import SvnSandbox
		for name in repositories:
			self.add_sandbox(SvnSandbox(os.path.join(os.path.expanduser('~'), name)))

	# ---- used by the Runner ----

	def _plan(self):
		"""The subtasks as the Java engine's ExecutionPlan."""
		from java.util import ArrayList
		from org.testfarm.engine import ExecutionPlan
		from org.testfarm.engine import Task as EngineTask
		tasks = ArrayList()
		for subtask in self.subtasks:
			commands = ArrayList()
			for command in subtask.commands:
				commands.add(_engine_command(command))
			tasks.add(EngineTask(_text(subtask.name), commands, bool(subtask.mandatory)))
		return ExecutionPlan(tasks)


def _engine_command(command):
	from org.testfarm.jython.bridge import V1Commands
	if isinstance(command, dict):
		return V1Commands.of(command.get(CMD), command.get(INFO), command.get(STATS),
			command.get(STATUS_OK), command.get(CD))
	return V1Commands.line(command)


def _text(value):
	from org.testfarm.jython.bridge import PyValues
	return PyValues.text(value if isinstance(value, (str, unicode)) else str(value))
