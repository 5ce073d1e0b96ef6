package dev.weft.webhooks;

import dev.weft.testsupport.OnPostgres;

/** {@link WebhookDeliveryTests} on a real PostgreSQL. */
@OnPostgres
class WebhookDeliveryPostgresTests extends WebhookDeliveryTests {}
