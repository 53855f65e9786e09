"""Directory admin: partner organisations and locations as snippets, and referral enquiries
(seen by each service's own team) with their response-time report."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import EnquiryPermissionPolicy, ReferralEnquiryViewSet
from .models import Location, PartnerOrganisation, ReferralEnquiry

register_permission_policy(ReferralEnquiry, EnquiryPermissionPolicy(ReferralEnquiry), exact_class=True)


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "site"
    list_display = ["name", "email", "website"]
    search_fields = ["name"]


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "home"
    list_display = ["name", "kind", "postcode"]
    list_filter = ["kind"]
    search_fields = ["name", "postcode"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "list-ul"
    menu_order = 310
    items = (PartnerOrganisationViewSet, LocationViewSet)


register_snippet(DirectoryGroup)


@hooks.register("register_admin_viewset")
def register_referral_enquiries() -> ReferralEnquiryViewSet:
    return ReferralEnquiryViewSet()
