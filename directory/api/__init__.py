"""The Open Referral UK 3.0 API at /openreferral/: read-only, no key, every response CORS-open."""
