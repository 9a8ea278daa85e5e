"""Payment providers. `stripe_gateway` is the only place that imports the Stripe SDK."""
