"""A short, quiet run through what v1 scripts use, so that the JVM can archive the
classes it loads (see the launcher's FastStart). Not part of the v1 API."""
import os
import sys
import tempfile
from StringIO import StringIO


def run(work=None):
	work = work or tempfile.mkdtemp(prefix='testfarm-training-')
	from testfarm import Task, Project, Client, Runner, CMD, INFO, STATS, CD, STATUS_OK
	from testfarm.v1.listeners import DummyResultListener, ConsoleResultListener, MultiListener, LocalLogListener
	from testfarm.utils import loadDictFile
	from testfarm.v1 import dirhelpers
	from testfarm.gitsandbox import GitSandbox
	from testfarm.svnsandbox import SvnSandbox
	from commands import getoutput
	import re, time, subprocess
	settings = os.path.join(work, 'settings')
	f = open(settings, 'w')
	f.write("name = 'training'\nclass mail_report:\n\tport = 25\n")
	f.close()
	loadDictFile(settings)
	getoutput('true')
	os.chdir(work)
	os.environ['TESTFARM_TRAINING'] = '1'
	task = Task(Project('Training'), Client('training'), 'training')
	task.set_check_for_new_commits('true', minutes_idle=0)
	task.add_subtask('commands', [
		'mkdir -p sub',
		{CMD: 'cd sub; echo $TESTFARM_TRAINING', INFO: lambda out: out.strip(),
			STATS: lambda out: {'n': len(re.findall('1', out)), 'x': 0.5}},
		{CD: work, CMD: 'echo oops >&2; exit 2', STATUS_OK: lambda out: 'oops' in out},
		'false',
	])
	saved = sys.stdout
	sys.stdout = StringIO()
	try:
		Runner(task, testinglisteners=[MultiListener(DummyResultListener(), ConsoleResultListener()),
			LocalLogListener(os.path.join(work, 'logs'))])
	finally:
		sys.stdout = saved
	for kind in (GitSandbox, SvnSandbox):
		try:
			kind(work).state()
		except Exception:
			pass
	dirhelpers.log_filename(work, 'p', 'c', 'e')
