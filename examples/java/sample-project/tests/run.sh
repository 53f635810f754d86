#!/bin/sh
# Runs the tests of build/greet and reports them as Python's unittest does.
run=0
failed=0
check() {
	run=$((run + 1))
	if [ "$(build/greet $1)" != "$2" ]; then
		failed=$((failed + 1))
		echo "FAIL: greet $1: expected '$2', got '$(build/greet $1)'" >&2
	fi
}
check "" "Hello, world!"
check "farm" "Hello, farm!"
check "volunteer" "Hello, volunteer!"
echo "----------------------------------------------------------------------"
echo "Ran $run tests in 0.010s"
echo
if [ $failed -eq 0 ]; then echo "OK"; else echo "FAILED (failures=$failed)"; exit 1; fi
