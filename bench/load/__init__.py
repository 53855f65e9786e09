"""`make load` (locust against gunicorn) and `make lighthouse` (page-quality scores), both against a
throwaway portal on 127.0.0.1 built by `bench.load.server`."""
