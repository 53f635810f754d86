"""v1 Client: the volunteer's machine, as the web site shows it."""
from testfarm.v1.described import Described

__all__ = ['Client']


class Client(Described):
	kind = 'client'
