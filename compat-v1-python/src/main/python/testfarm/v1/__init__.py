"""The v1 API: task, project, client, runner, listeners, dirhelpers."""
