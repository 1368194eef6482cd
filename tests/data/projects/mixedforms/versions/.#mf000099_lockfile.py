this is an editor lock file, not Python
