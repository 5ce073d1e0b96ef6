package dev.weft.webhooks;

/** {@link WebhookDeliveryTests} on the embedded H2 file database. */
class WebhookDeliveryH2Tests extends WebhookDeliveryTests {}
