"""v1 Project: the tested project a client reports for."""
from testfarm.v1.described import Described

__all__ = ['Project']


class Project(Described):
	kind = 'project'
