"""Wagtail's chooser widgets (snippet, image, page, document) end their HTML with an inline
`<script>new SnippetChooser(...)</script>`, which a Content-Security-Policy without 'unsafe-inline' blocks.
Rendered here instead as a JSON data block that static/js/admin-init.js turns into the same call."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

_wagtail_render = BaseChooser.render

# As django.utils.html.json_script: the JSON cannot close the <script> element it sits in.
_SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _render_with_data_block(self, name, value, attrs=None, renderer=None):
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as exc:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from exc
    value_data = self.get_value_data(value)
    if isinstance(self, AdminTaskChooser):
        init = {"call": "createTaskChooser", "args": [id_]}
    elif type(self).render_js_init is BaseChooser.render_js_init:
        init = {"construct": self.js_constructor, "args": [id_, self.get_js_init_options(id_, name, value_data)]}
    else:
        # A chooser with its own start-up code we do not know: leave it as Wagtail renders it.
        return _wagtail_render(self, name, value, attrs, renderer)
    widget_html = self.render_html(name, value_data, attrs)
    data = json.dumps(init, cls=DjangoJSONEncoder).translate(_SCRIPT_SAFE)
    return mark_safe(f'{widget_html}<script type="application/json" data-admin-init>{data}</script>')  # noqa: S308 - escaped above


def chooser_scripts_install() -> None:
    """Called once from CmsConfig.ready()."""
    BaseChooser.render = _render_with_data_block
