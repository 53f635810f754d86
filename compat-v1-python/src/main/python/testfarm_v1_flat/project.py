"""v1-era flat module: see testfarm.v1.project."""
from testfarm.v1.project import *
from testfarm.v1.project import __all__
