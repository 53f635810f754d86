"""Helpers v1 scripts use."""
import types

__all__ = ['loadDictFile']


def loadDictFile(path):
	"""Runs a Python file of assignments and returns its variables as a dict.

	A `class x:` block becomes a nested dict of its own variables; names that
	start with '_' (and imported modules) are left out.
	"""
	namespace = {}
	execfile(path, namespace)
	return _public(namespace)


def _public(namespace):
	result = {}
	for name, value in namespace.items():
		if name.startswith('_') or isinstance(value, types.ModuleType):
			continue
		if isinstance(value, (type, types.ClassType)):
			value = _public(dict(vars(value)))
		result[name] = value
	return result
