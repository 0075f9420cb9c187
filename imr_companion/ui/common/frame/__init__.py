"""What frames every area screen: the area bar on top, the keys' footer and the together line below."""
