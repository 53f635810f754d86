#! /usr/bin/python
# A TestFarm v1 client that watches a Git working copy: whenever the upstream
# branch has new commits it reports who pushed what, pulls them (keeping local
# edits), then builds and tests the project and reports to a local log tree.
#
#   testfarm-v1 git_watcher.py SANDBOX [LOCAL_LOGS] [--continuous]
#
# The project is expected to have a `build.sh` and a `run_tests.sh` at its top;
# run_tests.sh prints unittest-style summaries ("Ran 12 tests", "FAILED (failures=2)").
import os, re, sys
from testfarm.v1.task import Task, CMD, INFO, STATS
from testfarm.v1.project import Project
from testfarm.v1.client import Client
from testfarm.v1.runner import Runner
from testfarm.gitsandbox import GitSandbox

args = [a for a in sys.argv[1:] if not a.startswith('--')]
if not args:
	sys.exit("usage: git_watcher.py SANDBOX [LOCAL_LOGS] [--continuous]")
sandbox_path = os.path.abspath(args[0])
local_logs = len(args) > 1 and args[1] or None

def unittest_stats(output):
	stats = {}
	ran = re.search(r"Ran (\d+) tests?", output)
	if ran:
		stats['tests'] = int(ran.group(1))
	failed = re.search(r"FAILED \((?:failures=(\d+))?", output)
	stats['failures'] = failed and int(failed.group(1) or 0) or 0
	return stats

def last_line(output):
	lines = output.strip().splitlines()
	return lines and lines[-1] or ''

client = Client("git-watcher", "a volunteer's machine watching a Git repository")
project = Project("Example", "the example project of the TestFarm distribution")
task = Task(project, client, "build and test")
task.add_sandbox(GitSandbox(sandbox_path))
task.set_check_for_new_commits(checking_cmd='false', minutes_idle=5)
task.add_subtask("build", [
	"cd %s" % sandbox_path,
	{CMD: "sh build.sh", INFO: last_line},
], mandatory=True)
task.add_subtask("tests", [
	"cd %s" % sandbox_path,
	{CMD: "sh run_tests.sh", STATS: unittest_stats, INFO: last_line},
])

Runner(task, continuous='--continuous' in sys.argv, first_run_always=False, local_base_dir=local_logs)
