"""Shop business logic: writes live here, one module per area (orders, stock, checkout, refunds, ...)."""
