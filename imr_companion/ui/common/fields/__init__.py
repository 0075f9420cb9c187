"""Fields for a person's words.

One paste rule (text_fields, text_field), the message beside a field (field_message), and
adding a record from a field (quick_add).
"""
