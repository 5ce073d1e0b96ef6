# The Python snippet from Webflow's "getting started" guide, as the guide wrote it.
#
# Changed from the guide, and only this:
#   * url is WEFT_BASE_URL + "/sites" instead of https://api.webflow.com/sites;
#   * the token comes from WEFT_API_TOKEN instead of the guide's placeholder;
#   * the HTTP status is printed on its own first line as "status=<n>" before
#     response.text.
#
# Needs the `requests` package (Debian: apt-get install -y python3-requests, then run
# with /usr/bin/python3).
# Run: WEFT_BASE_URL=http://127.0.0.1:8080 WEFT_API_TOKEN=... /usr/bin/python3 guide_requests.py
import os
import requests

url = os.environ["WEFT_BASE_URL"] + "/sites"
YOUR_API_TOKEN = os.environ["WEFT_API_TOKEN"]

headers = {
    "accept": "application/json",
    "authorization": f'Bearer {YOUR_API_TOKEN}'
}

response = requests.get(url, headers=headers)

print(f"status={response.status_code}")
print(response.text)
