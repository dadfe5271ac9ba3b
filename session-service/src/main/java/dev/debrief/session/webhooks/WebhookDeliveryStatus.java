package dev.debrief.session.webhooks;

/** PENDING until an attempt gets a 2xx (DELIVERED) or the retry window closes (FAILED). */
public enum WebhookDeliveryStatus { PENDING, DELIVERED, FAILED }
