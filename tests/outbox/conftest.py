import pytest

from tests.smtp_sink import SMTPSink


@pytest.fixture
def smtp(settings):
    """A real SMTP server on 127.0.0.1 (refusing until told otherwise) and Django's SMTP backend
    pointed at it, with a short timeout so a stalled server costs the test a second."""
    sink = SMTPSink()
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 1
    yield sink
    sink.close()
