#! /usr/bin/python
# A TestFarm v1 client that reports to a TestFarm server and keeps its own log
# tree at the same time, as many volunteers' scripts do. Its settings (client
# name and description) come from ~/.config/testfarm/testfarm when it exists:
#
#   name = 'my-laptop'
#   description = 'Debian testing, <b>amd64</b>'
#
#   testfarm-v1 remote_and_local.py [--continuous] SERVER_URL LOCAL_LOGS [WORK_DIR]
#
# SERVER_URL is the server's service URL (http://host:port/testfarmservice); the
# admin registers project "Demo" and this client first (testfarm.war addproject,
# addclient, which prints the client's key). The launcher signs the reports with
# the key in the environment variable TESTFARM_KEY (or the file TESTFARM_KEY_FILE
# names); the script itself is unchanged. The build runs in WORK_DIR (a temporary
# folder by default).
#
# Run once, it tells the server before its build that it will check again in
# seconds_idle (0 here), so once the build is over the summary page shows it as
# not responding: a script run once by cron should set task.seconds_idle to the
# cron period. With --continuous it keeps running, checking again every minute,
# and the summary shows it waiting for its next check (the demo runs it so).
import os, sys, tempfile, time
from testfarm.v1.task import Task, CMD, INFO, STATS, STATUS_OK
from testfarm.v1.project import Project
from testfarm.v1.client import Client
from testfarm.v1.runner import Runner
from testfarm.utils import loadDictFile

args = [arg for arg in sys.argv[1:] if arg != '--continuous']
continuous = len(args) < len(sys.argv) - 1
if len(args) < 2:
	sys.exit("usage: remote_and_local.py [--continuous] SERVER_URL LOCAL_LOGS [WORK_DIR]")
server_url, local_logs = args[0], args[1]
work = len(args) > 2 and args[2] or tempfile.mkdtemp(prefix='testfarm-demo-')

settings = {'name': 'v1-example', 'description': 'the v1 example client'}
settings_file = os.path.expanduser('~/.config/testfarm/testfarm')
if os.path.exists(settings_file):
	settings.update(loadDictFile(settings_file))

started = {}
def start_timer(output):
	started['build'] = time.time()
	return 'sources ready in %s' % work

def elapsed(output):
	return {'build_seconds': round(time.time() - started.get('build', time.time()), 3)}

def count(word):
	return lambda output: {word: output.count(word)}

client = Client(settings['name'])
client.brief_description = settings['description']
project = Project("Demo", "what a v1 script reports")

task = Task(project, client, "demo build")
task.add_subtask("prepare sources", [
	"mkdir -p %s/src" % work,
	"cd %s/src" % work,
	{CMD: "printf 'int main(void) { return 0; }\\n' > main.c; printf 'unused\\n' > notes.txt", INFO: start_timer},
], mandatory=True)
task.add_subtask("build", [
	"cd %s/src" % work,
	{CMD: "echo 'warning: unused variable x'; echo 'warning: implicit declaration'; cp main.c main.o", STATS: count('warning')},
	{CMD: "ls main.o", STATS: elapsed},
])
task.add_subtask("unit tests", [
	"cd %s/src" % work,
	{CMD: "echo 'Ran 5 tests'; echo 'OK'", INFO: lambda out: out.splitlines()[0]},
	{CMD: "echo 'known failure' >&2; exit 1", STATUS_OK: lambda out: 'known failure' in out, INFO: lambda out: 'expected to fail'},
	"test -f main.o",
])
task.add_subtask("lint (allowed to fail)", [
	"cd %s/src" % work,
	"grep -q TODO main.c",
])

Runner(task, continuous=continuous, remote_server_url=server_url, local_base_dir=local_logs)
