"""v1-era flat module: see testfarm.v1.client."""
from testfarm.v1.client import *
from testfarm.v1.client import __all__
