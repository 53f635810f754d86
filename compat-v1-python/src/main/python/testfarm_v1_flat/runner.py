"""v1-era flat module: see testfarm.v1.runner."""
from testfarm.v1.runner import *
from testfarm.v1.runner import __all__
