"""Añadir la columna «correo» — ✓ 日本語

Revision ID: 920314253647
"""
revision = "920314253647"
down_revision = "819203142536"
