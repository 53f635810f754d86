"""v1-era flat module: see testfarm.v1.listeners."""
from testfarm.v1.listeners import *
from testfarm.v1.listeners import __all__
