"""Helpers that drive the real Wagtail admin page editor, as a signed-in officer would."""

from django.http import QueryDict
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield


def edit_form_data(client, page_id: int) -> QueryDict:
    """The page editor's form as the browser would send it, unchanged."""
    response = client.get(f"/admin/pages/{page_id}/edit/")
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # The StreamField editor fills its inputs with JavaScript; send the same content explicitly.
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>You will shadow the team.</p>"))])}
        )
    )
    return data


def publish(client, page_id: int, data: QueryDict):
    data = data.copy()
    data["action-publish"] = "action-publish"
    return client.post(f"/admin/pages/{page_id}/edit/", data)
