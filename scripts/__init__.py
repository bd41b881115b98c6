"""Scripts run by hand, and the local site helper they share with the tests and benchmark."""
