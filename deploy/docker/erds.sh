#!/bin/sh
# The operator command line inside the image: erds --help
exec dotnet /app/cli/erds.dll "$@"
