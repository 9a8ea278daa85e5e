"""`X-Bench-Queries`: how many SQL queries a response cost (bench/pages.py reads it; bench settings only)."""

from django.db import connection


def query_count(get_response):
    def middleware(request):
        count = 0

        def counting(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = get_response(request)
        response["X-Bench-Queries"] = str(count)
        return response

    return middleware
