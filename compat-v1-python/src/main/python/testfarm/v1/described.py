"""What projects and clients have in common: a name, descriptions, attributes."""


class Described(object):
	kind = 'thing'

	def __init__(self, name, brief_description=None, long_description=None):
		if not name:
			raise ValueError("a %s needs a name, got %r" % (self.kind, name))
		self.name = name
		self.brief_description = brief_description
		self.long_description = long_description
		self.attributes = {}

	def set_attribute(self, key, value):
		self.attributes[key] = value

	def __repr__(self):
		return "%s(%r)" % (type(self).__name__, self.name)
