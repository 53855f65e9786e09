"""The directory's models: services for schools and their enquiries, partner organisations and
locations, school phases and needs, and post-16 providers, routes and guides."""

from .enquiries import ReferralEnquiry
from .organisations import Location, PartnerOrganisation
from .post16 import OpenDay, Post16GuidePage, Post16IndexPage, ProviderPage, ProviderRoute
from .services import ServiceContact, ServicePage, ServiceStatus, SupportIndexPage
from .terms import Need, Phase

__all__ = [
    "Location",
    "Need",
    "OpenDay",
    "PartnerOrganisation",
    "Phase",
    "Post16GuidePage",
    "Post16IndexPage",
    "ProviderPage",
    "ProviderRoute",
    "ReferralEnquiry",
    "ServiceContact",
    "ServicePage",
    "ServiceStatus",
    "SupportIndexPage",
]
