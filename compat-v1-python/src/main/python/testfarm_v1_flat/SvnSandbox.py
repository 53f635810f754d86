"""v1-era flat module: see testfarm.svnsandbox."""
from testfarm.svnsandbox import *
from testfarm.svnsandbox import __all__
