"""Where things are in a log tree (spec: the server's layout, also kept by local_base_dir).

<base>/<project>/metadata, <base>/<project>/<client>/{metadata,idle,stats},
<base>/<project>/<client>/<execution>.{log,info}
"""
import os

__all__ = ['project_dir', 'client_dir', 'project_metadata_filename', 'client_metadata_filename',
	'idle_filename', 'stats_filename', 'log_filename', 'info_filename']


def project_dir(base, project):
	return os.path.join(base, project)


def client_dir(base, project, client):
	return os.path.join(base, project, client)


def project_metadata_filename(base, project):
	return os.path.join(project_dir(base, project), 'metadata')


def client_metadata_filename(base, project, client):
	return os.path.join(client_dir(base, project, client), 'metadata')


def idle_filename(base, project, client):
	return os.path.join(client_dir(base, project, client), 'idle')


def stats_filename(base, project, client):
	return os.path.join(client_dir(base, project, client), 'stats')


def log_filename(base, project, client, execution):
	return os.path.join(client_dir(base, project, client), execution + '.log')


def info_filename(base, project, client, execution):
	return os.path.join(client_dir(base, project, client), execution + '.info')
