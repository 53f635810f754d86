#!/bin/sh
# greet [NAME]: says hello to NAME, or to the world.
echo "Hello, ${1:-world}!"
