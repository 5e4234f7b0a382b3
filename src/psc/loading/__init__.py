"""Reading files: bytes to checked text, a positioned YAML tree, the models, the checks."""
