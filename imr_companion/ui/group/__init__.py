"""The person's IMR group or fixed meeting day: setting it, Today's card, and the note after it."""
