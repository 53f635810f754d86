"""v1-era flat module: see testfarm.gitsandbox."""
from testfarm.gitsandbox import *
from testfarm.gitsandbox import __all__
