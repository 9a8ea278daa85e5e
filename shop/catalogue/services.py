"""Catalogue writes: products go through drafts and the "Product review" workflow; the rules live here."""

from collections.abc import Sequence
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, WorkflowState

from beneficiaries.admin_scoping import CENTRE_LEAD, INSTRUCTOR, in_scope, user_centre_ids
from beneficiaries.models import Centre, ConsentRecord, Maker
from beneficiaries.selectors import maker_has_consent

from .models import CentreCollection, Craft, Product, ProductMaker, ProductStatus
from .pricing import validate_maker_shares

# What instructors and centre leads may do with photos in their centre's collection.
CENTRE_IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")
ONE_MAKER_SHARE = Decimal("100")


@transaction.atomic
def centre_collection_ensure(*, centre: Centre) -> Collection:
    """The centre's photo collection, created with its instructors' and leads' permissions on first use."""
    link = CentreCollection.objects.select_related("collection").filter(centre=centre).first()
    if link is not None:
        return link.collection
    # The root collection comes from Wagtail's migration; a flushed database (transactional tests) has none.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    collection = root.add_child(name=centre.name)
    CentreCollection.objects.create(centre=centre, collection=collection)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=CENTRE_IMAGE_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=(INSTRUCTOR, CENTRE_LEAD)):
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    return collection


def product_shares_validate(*, centre: Centre | None, shares: Sequence[tuple[Maker, Decimal | None]]) -> None:
    """The makers' rule: at least one maker, each of the product's centre, shares adding up to exactly 100."""
    errors = []
    if not shares:
        errors.append(_("Name at least one maker who made this item."))
    if centre is not None:
        strangers = sorted({str(maker) for maker, _share in shares if maker.centre_id != centre.pk})
        if strangers:
            errors.append(
                _("Every maker must belong to the product's centre (%(centre)s): %(makers)s.")
                % {"centre": centre, "makers": ", ".join(strangers)}
            )
    try:
        validate_maker_shares((maker.pk, share) for maker, share in shares)
    except ValidationError as error:
        errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)


def product_photos_validate(*, makers: Sequence[Maker], photos_show_a_maker: bool) -> None:
    """A photo that shows a maker needs every maker of the product to have a recorded photo consent."""
    if not photos_show_a_maker:
        return
    missing = [maker for maker in makers if not maker_has_consent(maker, ConsentRecord.Scope.PHOTO)]
    if missing:
        raise ValidationError(
            _(
                "%(makers)s has no recorded consent to be shown in a photo: untick “shows a maker” on that photo, "
                "or record the consent first."
            )
            % {"makers": ", ".join(maker.public_display_name for maker in missing)}
        )


def product_status_sync(*, product: Product) -> None:
    """Keep `status` (what the storefront filters on) equal to the live state: PUBLISHED while live, else
    IN_REVIEW while a review is running, else DRAFT."""
    if product.live:
        status = ProductStatus.PUBLISHED
    elif WorkflowState.objects.for_instance(product).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists():
        status = ProductStatus.IN_REVIEW
    else:
        status = ProductStatus.DRAFT
    Product.objects.filter(pk=product.pk).exclude(status=status).update(status=status)
    product.status = status


@transaction.atomic
def product_create(
    *,
    user,
    centre: Centre,
    craft: Craft,
    title: str,
    price: Decimal,
    makers: Sequence[Maker | tuple[Maker, Decimal]],
    description: str = "",
    stock: int = 0,
    **fields,
) -> Product:
    """A new draft product of `centre` with its first revision; nothing is live until review approves it."""
    centres = user_centre_ids(user)
    if (centres is not None and centre.pk not in centres) or not user.has_perm("shop.add_product"):
        raise PermissionDenied
    shares = [(m, ONE_MAKER_SHARE) if isinstance(m, Maker) else m for m in makers]
    product_shares_validate(centre=centre, shares=shares)
    product = Product(
        title=title,
        slug=fields.pop("slug", None) or product_slug_unique(title),
        centre=centre,
        craft=craft,
        price=price,
        description=description,
        stock=stock,
        live=False,
        has_unpublished_changes=True,
        status=ProductStatus.DRAFT,
        **fields,
    )
    product.maker_shares = [ProductMaker(maker=maker, share_percent=share) for maker, share in shares]
    product.save()
    product.save_revision(user=user, log_action=True)
    return product


def product_slug_unique(title: str) -> str:
    """An ASCII slug for the product's public URL, made from its title and numbered if taken."""
    base = slugify(title, allow_unicode=False)[:150] or "item"
    slug, n = base, 1
    while Product.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def product_submit(*, product: Product, user) -> WorkflowState:
    """Send the latest draft to "Product review"; a centre lead or an editor approves it (then it goes live)."""
    if not in_scope(user, product) or not user.has_perm("shop.change_product"):
        raise PermissionDenied
    workflow = product.get_workflow()
    if workflow is None:
        raise ValidationError(_("No review workflow is set up for products."))
    if product.workflow_in_progress:
        raise ValidationError(_("This product is already waiting for review."))
    if product.latest_revision is None:
        product.save_revision(user=user)
    return workflow.start(product, user)  # `workflow_submitted` then syncs the status


def _published(sender, instance, **kwargs) -> None:
    product_status_sync(product=instance)


def _workflow_moved(sender, instance, **kwargs) -> None:
    product = instance.content_object
    if isinstance(product, Product):
        product.refresh_from_db(fields=["live"])
        product_status_sync(product=product)


def connect_status_sync() -> None:
    from wagtail import signals

    signals.published.connect(_published, sender=Product, dispatch_uid="product_status_on_publish")
    signals.unpublished.connect(_published, sender=Product, dispatch_uid="product_status_on_unpublish")
    for signal in (signals.workflow_submitted, signals.workflow_rejected, signals.workflow_cancelled):
        signal.connect(_workflow_moved, dispatch_uid=f"product_status_on_{id(signal)}")
