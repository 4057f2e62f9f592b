"""Running the app for many people: the replica launcher behind `make cluster`."""
