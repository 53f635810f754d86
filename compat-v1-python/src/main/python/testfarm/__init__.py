"""TestFarm's v1 client API for Python 2 scripts, run on the embedded Jython.

`from testfarm import *` gives what the oldest scripts use: Task, Project,
Client, Runner and the command keys CMD, INFO, STATS, CD, STATUS_OK.
"""
from testfarm.v1.task import Task, CMD, INFO, STATS, CD, STATUS_OK
from testfarm.v1.project import Project
from testfarm.v1.client import Client
from testfarm.v1.runner import Runner

__all__ = ['Task', 'Project', 'Client', 'Runner', 'CMD', 'INFO', 'STATS', 'CD', 'STATUS_OK']
