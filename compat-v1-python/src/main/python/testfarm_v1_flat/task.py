"""v1-era flat module: see testfarm.v1.task."""
from testfarm.v1.task import *
from testfarm.v1.task import __all__
